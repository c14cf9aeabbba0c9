export function throttle(delay,callback,options){/* see dist */}
export function debounce(delay,callback,options){return throttle(delay,callback,{debounceMode:!(options&&options.atBegin)});}
