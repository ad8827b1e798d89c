/** Properties of a CloudTrailTrustedAccess; it has none yet. */
export interface CloudTrailTrustedAccessProps {}
