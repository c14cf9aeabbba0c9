
module.exports={rules:{'sorted-imports':{meta:{type:'suggestion',fixable:'code',schema:[]},create(ctx){return{Program(node){const imps=node.body.filter(n=>n.type==='ImportDeclaration');
 for(let i=1;i<imps.length;i++){if(imps[i-1].source.value.localeCompare(imps[i].source.value)>0){ctx.report({node:imps[i],message:'Imports should be sorted by source ({{a}} after {{b}})',data:{a:imps[i].source.value,b:imps[i-1].source.value}});}}}};}}},
 configs:{recommended:{plugins:['tidy-imports'],rules:{'tidy-imports/sorted-imports':'warn'}}}};
