
class Embed{constructor(){this.data={fields:[]};}
 title(t){this.data.title=String(t).slice(0,256);return this;}
 description(t){this.data.description=String(t).slice(0,4096);return this;}
 color(c){this.data.color=typeof c==='string'?parseInt(c.replace('#',''),16):c;return this;}
 field(name,value,inline=false){if(this.data.fields.length<25)this.data.fields.push({name:String(name).slice(0,256),value:String(value).slice(0,1024),inline});return this;}
 footer(text,icon_url){this.data.footer={text,icon_url};return this;}
 toJSON(){return this.data;}}
module.exports={Embed,cache:require('./lib/cache')};
