export * from './selectors/data-resource-type';
export * from './selectors/field-selector';
export * from './selectors/data-event-selectors';
export * from './trail/organization-trail';
export * from './trail/security-alarms';
export * from './lake/store-options';
export * from './lake/event-data-store';
