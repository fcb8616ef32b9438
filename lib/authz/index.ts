export * from "./matrix";
export * from "./roles";
