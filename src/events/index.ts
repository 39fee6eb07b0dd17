export * from "./catalogue"
export * from "./envelope"
export * from "./fields"
export { upcast } from "./upcasters"
