
module.exports=[{files:['**/*.{js,mjs,cjs}'],languageOptions:{ecmaVersion:2024,sourceType:'module'},
 rules:{'no-unused-vars':['warn',{argsIgnorePattern:'^_'}],'prefer-const':'error','eqeqeq':['error','smart'],'no-var':'error'}}];
