export { Wallet } from './Wallet'
export { checkValidityOfSeed } from './Wallet/seedCheck'
