
module.exports={rules:{'arrow-body-style':'off','prefer-arrow-callback':'off','curly':0,'indent':'off','quotes':0,'semi':'off','max-len':'off','no-mixed-operators':0,'no-tabs':0,'no-unexpected-multiline':0,'comma-dangle':'off','object-curly-spacing':'off','space-before-function-paren':'off'}};
