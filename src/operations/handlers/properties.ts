import { OperationFailure } from './errors';
import { ResourceProperties } from './request-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the id is a UUID, as query and import ids are; a failed create leaves another physical id
 * behind (the provider framework's marker or the request id), which names nothing to clean up.
 */
export function isUuid(id: string | undefined): id is string {
  return id !== undefined && UUID.test(id);
}

/** A property the construct always sends; its absence means the template was edited by hand. */
export function required(properties: ResourceProperties, key: string): string {
  const value = properties[key];
  if (value === undefined || value === '') {
    throw new OperationFailure(`the resource property ${key} is missing. Declare the resource with its construct, which always sets it.`);
  }
  return value;
}

/** Whether an update changed any of the keys (an absent property equals an empty one). */
export function changed(keys: readonly string[], properties: ResourceProperties, old: ResourceProperties | undefined): boolean {
  return keys.some((key) => (properties[key] ?? '') !== (old?.[key] ?? ''));
}

/** The resource part of an event data store ARN (eventdatastore/abc), to name the store in messages. */
export function storeName(arn: string | undefined): string {
  if (!arn) {
    return 'an unnamed event data store';
  }
  return arn.split(':').slice(5).join(':') || arn;
}

/** An optional ISO 8601 time property. */
export function optionalTime(properties: ResourceProperties, key: string): Date | undefined {
  const value = properties[key];
  if (value === undefined || value === '') {
    return undefined;
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new OperationFailure(`${key} "${value}" is not an ISO 8601 time. Pass a time such as 2026-01-31T00:00:00Z.`);
  }
  return time;
}
