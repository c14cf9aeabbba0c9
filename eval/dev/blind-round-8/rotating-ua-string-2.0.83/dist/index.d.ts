export declare function randomUA(filter?:{deviceCategory?:string;browser?:string}):string;
export default randomUA;
