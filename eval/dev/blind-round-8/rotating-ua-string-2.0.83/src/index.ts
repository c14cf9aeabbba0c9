import agents from './user-agents.json';
export function randomUA(filter?:{deviceCategory?:string;browser?:string}):string{let list=agents as any[];if(filter?.deviceCategory)list=list.filter(u=>u.deviceCategory===filter.deviceCategory);const total=list.reduce((a,u)=>a+u.weight,0);let r=Math.random()*total;for(const u of list){r-=u.weight;if(r<=0)return u.userAgent}return list[0]?.userAgent??'';}
export default randomUA;
