export * from './organisation';
export * from './sessions';
export * from './categories';
export * from './documents';
export * from './review';
export * from './calendar';
export * from './annual-reports';
export * from './requests';
