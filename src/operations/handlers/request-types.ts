/**
 * The requests and responses of the custom-resource provider framework, as far as the handlers use them.
 * CloudFormation passes every resource property as a string.
 */

/** The resource properties of a request, as CloudFormation passes them. */
export type ResourceProperties = Readonly<Record<string, string | undefined>>;

/** A value of a resource attribute (Fn::GetAtt); numbers stay numbers. */
export type AttributeValue = string | number;

/** The attributes a handler returns: only small values, so that the response stays under 4096 bytes. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** The request the provider passes to onEvent. */
export interface OnEventRequest {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResourceProperties: ResourceProperties;
  /** Only on Update: the properties before it. */
  readonly OldResourceProperties?: ResourceProperties;
  /** Absent on Create. */
  readonly PhysicalResourceId?: string;
  readonly RequestId?: string;
  readonly LogicalResourceId?: string;
  readonly StackId?: string;
}

/** The custom field onEvent returns for isComplete: when the operation it started must be given up. */
export interface WaitFields {
  /** Epoch milliseconds; absent when nothing is to be waited for, and isComplete then answers at once. */
  readonly Deadline?: number;
}

/** What onEvent returns. */
export interface OnEventResponse extends WaitFields {
  readonly PhysicalResourceId: string;
  readonly Data?: Attributes;
}

/** The request the provider passes to isComplete: the onEvent request merged with the onEvent response. */
export interface IsCompleteRequest extends OnEventRequest, WaitFields {
  readonly PhysicalResourceId: string;
  readonly Data?: Attributes;
}

/** What isComplete returns; Data is merged into the onEvent Data, and is only allowed once complete. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  readonly Data?: Attributes;
}

/** A request as CloudFormation sends it to a function that is itself the service token, and answers it. */
export interface CloudFormationRequest extends OnEventRequest {
  /** Presigned: never logged. */
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
}

/** What such a function PUTs to the ResponseURL. */
export interface CloudFormationResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  /** Why it failed; only on FAILED. */
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly Data?: Attributes;
}
