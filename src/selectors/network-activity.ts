// Values of network activity event selectors: CloudTrail User Guide, "Logging network activity events"
// (eventSource "Valid values"; s3 added 2025-10-15, Document history) and AdvancedFieldSelector Field, errorCode.

/**
 * A service whose calls through VPC endpoints CloudTrail logs as network activity events: the `eventSource`
 * of a network activity selector, one per selector.
 */
export class NetworkActivityEventSource {
  /** AWS CloudTrail. */
  public static readonly CLOUDTRAIL = new NetworkActivityEventSource('cloudtrail.amazonaws.com');
  /** Amazon EC2. */
  public static readonly EC2 = new NetworkActivityEventSource('ec2.amazonaws.com');
  /** AWS KMS. */
  public static readonly KMS = new NetworkActivityEventSource('kms.amazonaws.com');
  /** AWS Secrets Manager. */
  public static readonly SECRETS_MANAGER = new NetworkActivityEventSource('secretsmanager.amazonaws.com');
  /** Amazon S3. */
  public static readonly S3 = new NetworkActivityEventSource('s3.amazonaws.com');

  /**
   * A source newer than this library, e.g. `NetworkActivityEventSource.of('sqs.amazonaws.com')`; synthesis warns
   * (UncheckedFieldValue) until the library knows it.
   */
  public static of(eventSource: string): NetworkActivityEventSource {
    return new NetworkActivityEventSource(eventSource);
  }

  private constructor(
    /** The `eventSource` value, e.g. `ec2.amazonaws.com`. */
    public readonly value: string) {}
}

/**
 * An error code of network activity events: the `errorCode` of a network activity selector.
 */
export class NetworkActivityErrorCode {
  /** Calls a VPC endpoint policy denied: what VPC endpoint monitoring looks for. */
  public static readonly VPCE_ACCESS_DENIED = new NetworkActivityErrorCode('VpceAccessDenied');

  /** An error code newer than this library; synthesis warns (UncheckedFieldValue) until the library knows it. */
  public static of(errorCode: string): NetworkActivityErrorCode {
    return new NetworkActivityErrorCode(errorCode);
  }

  private constructor(
    /** The `errorCode` value, e.g. `VpceAccessDenied`. */
    public readonly value: string) {}
}

/** The event sources documented when this library was released. */
export const DOCUMENTED_NETWORK_ACTIVITY_SOURCES = [NetworkActivityEventSource.CLOUDTRAIL, NetworkActivityEventSource.EC2,
  NetworkActivityEventSource.KMS, NetworkActivityEventSource.SECRETS_MANAGER, NetworkActivityEventSource.S3].map(source => source.value);

/** The error codes documented when this library was released ("currently, the only valid errorCode"). */
export const DOCUMENTED_NETWORK_ACTIVITY_ERROR_CODES = [NetworkActivityErrorCode.VPCE_ACCESS_DENIED.value];
