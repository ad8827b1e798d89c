import { LISTED_RESOURCE_TYPES } from './listed-resource-types';

const CATALOGUE = new Map<string, DataResourceType>();

/**
 * A kind of resource whose data events CloudTrail can log: the value of the `resources.type` field of an
 * advanced event selector, with the ARN formats CloudTrail accepts for `resources.ARN` with `Equals` or
 * `NotEquals`.
 *
 * ARN formats are written as in the CloudTrail API reference (AdvancedFieldSelector): `<partition>`,
 * `<region>` and `<account_ID>` stand for an AWS partition, Region and 12-digit account, and every other
 * `<placeholder>` for a resource-specific name.
 */
export class DataResourceType {
  // Formats: PutEventSelectors / CreateEventDataStore AdvancedFieldSelector resources.ARN (seeds 003, 004)

  /** Amazon S3 objects. */
  public static readonly S3_OBJECT = DataResourceType.catalogue('AWS::S3::Object',
    // documented as `<bucket_name>/` and `<bucket_name>/<object_path>/`; one object's ARN has no trailing slash
    ['arn:<partition>:s3:::<bucket_name>/<object_path>']);

  /** AWS Lambda functions. */
  public static readonly LAMBDA_FUNCTION = DataResourceType.catalogue('AWS::Lambda::Function',
    ['arn:<partition>:lambda:<region>:<account_ID>:function:<function_name>']);

  /** Amazon DynamoDB tables. */
  public static readonly DYNAMODB_TABLE = DataResourceType.catalogue('AWS::DynamoDB::Table',
    ['arn:<partition>:dynamodb:<region>:<account_ID>:table/<table_name>']);

  /** Amazon DynamoDB streams. */
  public static readonly DYNAMODB_STREAM = DataResourceType.catalogue('AWS::DynamoDB::Stream',
    ['arn:<partition>:dynamodb:<region>:<account_ID>:table/<table_name>/stream/<date_time>']);

  /** AWS CloudTrail channels (CloudTrail Lake integrations with events from outside AWS). */
  public static readonly CLOUDTRAIL_CHANNEL = DataResourceType.catalogue('AWS::CloudTrail::Channel',
    ['arn:<partition>:cloudtrail:<region>:<account_ID>:channel/<channel_UUID>']);

  /** Amazon Cognito identity pools. */
  public static readonly COGNITO_IDENTITY_POOL = DataResourceType.catalogue('AWS::Cognito::IdentityPool',
    ['arn:<partition>:cognito-identity:<region>:<account_ID>:identitypool/<identity_pool_ID>']);

  /** Amazon EBS direct APIs on Amazon EC2 snapshots. */
  public static readonly EC2_SNAPSHOT = DataResourceType.catalogue('AWS::EC2::Snapshot',
    ['arn:<partition>:ec2:<region>::snapshot/<snapshot_ID>']);

  /** Amazon FinSpace environments. */
  public static readonly FINSPACE_ENVIRONMENT = DataResourceType.catalogue('AWS::FinSpace::Environment',
    ['arn:<partition>:finspace:<region>:<account_ID>:environment/<environment_ID>']);

  /** AWS Glue tables (with AWS Lake Formation). */
  public static readonly GLUE_TABLE = DataResourceType.catalogue('AWS::Glue::Table',
    ['arn:<partition>:glue:<region>:<account_ID>:table/<database_name>/<table_name>']);

  /** Amazon GuardDuty detectors. */
  public static readonly GUARDDUTY_DETECTOR = DataResourceType.catalogue('AWS::GuardDuty::Detector',
    ['arn:<partition>:guardduty:<region>:<account_ID>:detector/<detector_ID>']);

  /** Amazon Kendra Intelligent Ranking rescore execution plans. */
  public static readonly KENDRA_RANKING_EXECUTION_PLAN = DataResourceType.catalogue('AWS::KendraRanking::ExecutionPlan',
    ['arn:<partition>:kendra-ranking:<region>:<account_ID>:rescore-execution-plan/<rescore_execution_plan_ID>']);

  /** Amazon Managed Blockchain nodes. */
  public static readonly MANAGED_BLOCKCHAIN_NODE = DataResourceType.catalogue('AWS::ManagedBlockchain::Node',
    ['arn:<partition>:managedblockchain:<region>:<account_ID>:nodes/<node_ID>']);

  /** Amazon SageMaker experiment trial components. */
  public static readonly SAGEMAKER_EXPERIMENT_TRIAL_COMPONENT = DataResourceType.catalogue('AWS::SageMaker::ExperimentTrialComponent',
    ['arn:<partition>:sagemaker:<region>:<account_ID>:experiment-trial-component/<experiment_trial_component_name>']);

  /** Amazon SageMaker feature groups. */
  public static readonly SAGEMAKER_FEATURE_GROUP = DataResourceType.catalogue('AWS::SageMaker::FeatureGroup',
    ['arn:<partition>:sagemaker:<region>:<account_ID>:feature-group/<feature_group_name>']);

  /** Amazon S3 access points. */
  public static readonly S3_ACCESS_POINT = DataResourceType.catalogue('AWS::S3::AccessPoint', [
    'arn:<partition>:s3:<region>:<account_ID>:accesspoint/<access_point_name>',
    'arn:<partition>:s3:<region>:<account_ID>:accesspoint/<access_point_name>/object/<object_path>',
  ]);

  /** Amazon S3 Object Lambda access points. */
  public static readonly S3_OBJECT_LAMBDA_ACCESS_POINT = DataResourceType.catalogue('AWS::S3ObjectLambda::AccessPoint',
    ['arn:<partition>:s3-object-lambda:<region>:<account_ID>:accesspoint/<access_point_name>']);

  /** Amazon S3 on Outposts objects. */
  public static readonly S3_OUTPOSTS_OBJECT = DataResourceType.catalogue('AWS::S3Outposts::Object',
    ['arn:<partition>:s3-outposts:<region>:<account_ID>:<object_path>']);

  // Formats: the AdvancedFieldSelector resources.ARN list of the CloudTrail API reference (2024 revision),
  // for types the CloudTrail User Guide lists today

  /** AWS AppConfig (AWS::AppConfig::Configuration). */
  public static readonly APPCONFIG_CONFIGURATION = DataResourceType.catalogue('AWS::AppConfig::Configuration', ['arn:<partition>:appconfig:<region>:<account_ID>:application/<application_ID>/environment/<environment_ID>/configuration/<configuration_profile_ID>']);

  /** B2B Data Interchange (AWS::B2BI::Transformer). */
  public static readonly B2BI_TRANSFORMER = DataResourceType.catalogue('AWS::B2BI::Transformer', ['arn:<partition>:b2bi:<region>:<account_ID>:transformer/<transformer_ID>']);

  /** Bedrock agent alias (AWS::Bedrock::AgentAlias). */
  public static readonly BEDROCK_AGENT_ALIAS = DataResourceType.catalogue('AWS::Bedrock::AgentAlias', ['arn:<partition>:bedrock:<region>:<account_ID>:agent-alias/<agent_ID>/<alias_ID>']);

  /** Bedrock knowledge base (AWS::Bedrock::KnowledgeBase). */
  public static readonly BEDROCK_KNOWLEDGE_BASE = DataResourceType.catalogue('AWS::Bedrock::KnowledgeBase', ['arn:<partition>:bedrock:<region>:<account_ID>:knowledge-base/<knowledge_base_ID>']);

  /** Cassandra table (AWS::Cassandra::Table). */
  public static readonly CASSANDRA_TABLE = DataResourceType.catalogue('AWS::Cassandra::Table', ['arn:<partition>:cassandra:<region>:<account_ID>:/keyspace/<keyspace_name>/table/<table_name>']);

  /** CodeWhisperer customization (AWS::CodeWhisperer::Customization). */
  public static readonly CODEWHISPERER_CUSTOMIZATION = DataResourceType.catalogue('AWS::CodeWhisperer::Customization', ['arn:<partition>:codewhisperer:<region>:<account_ID>:customization/<customization_ID>']);

  /** CodeWhisperer (AWS::CodeWhisperer::Profile). */
  public static readonly CODEWHISPERER_PROFILE = DataResourceType.catalogue('AWS::CodeWhisperer::Profile', ['arn:<partition>:codewhisperer:<region>:<account_ID>:profile/<profile_ID>']);

  /** EMR write-ahead log workspace (AWS::EMRWAL::Workspace). */
  public static readonly EMRWAL_WORKSPACE = DataResourceType.catalogue('AWS::EMRWAL::Workspace', ['arn:<partition>:emrwal:<region>:<account_ID>:workspace/<workspace_name>']);

  /** IoT certificate (AWS::IoT::Certificate). */
  public static readonly IOT_CERTIFICATE = DataResourceType.catalogue('AWS::IoT::Certificate', ['arn:<partition>:iot:<region>:<account_ID>:cert/<certificate_ID>']);

  /** IoT thing (AWS::IoT::Thing). */
  public static readonly IOT_THING = DataResourceType.catalogue('AWS::IoT::Thing', ['arn:<partition>:iot:<region>:<account_ID>:thing/<thing_ID>']);

  /** IoT SiteWise asset (AWS::IoTSiteWise::Asset). */
  public static readonly IOT_SITEWISE_ASSET = DataResourceType.catalogue('AWS::IoTSiteWise::Asset', ['arn:<partition>:iotsitewise:<region>:<account_ID>:asset/<asset_ID>']);

  /** IoT SiteWise time series (AWS::IoTSiteWise::TimeSeries). */
  public static readonly IOT_SITEWISE_TIME_SERIES = DataResourceType.catalogue('AWS::IoTSiteWise::TimeSeries', ['arn:<partition>:iotsitewise:<region>:<account_ID>:timeseries/<timeseries_ID>',
    // the Service Authorization Reference's format too: the ARN the resource really has
    'arn:<partition>:iotsitewise:<region>:<account_ID>:time-series/<time_series_ID>']);

  /** IoT TwinMaker entity (AWS::IoTTwinMaker::Entity). */
  public static readonly IOT_TWINMAKER_ENTITY = DataResourceType.catalogue('AWS::IoTTwinMaker::Entity', ['arn:<partition>:iottwinmaker:<region>:<account_ID>:workspace/<workspace_ID>/entity/<entity_ID>']);

  /** IoT TwinMaker workspace (AWS::IoTTwinMaker::Workspace). */
  public static readonly IOT_TWINMAKER_WORKSPACE = DataResourceType.catalogue('AWS::IoTTwinMaker::Workspace', ['arn:<partition>:iottwinmaker:<region>:<account_ID>:workspace/<workspace_ID>']);

  /** Kinesis stream (AWS::Kinesis::Stream). */
  public static readonly KINESIS_STREAM = DataResourceType.catalogue('AWS::Kinesis::Stream', ['arn:<partition>:kinesis:<region>:<account_ID>:stream/<stream_name>']);

  /** Kinesis stream consumer (AWS::Kinesis::StreamConsumer). */
  public static readonly KINESIS_STREAM_CONSUMER = DataResourceType.catalogue('AWS::Kinesis::StreamConsumer', ['arn:<partition>:kinesis:<region>:<account_ID>:<stream_type>/<stream_name>/consumer/<consumer_name>:<consumer_creation_timestamp>']);

  /** Kinesis video stream (AWS::KinesisVideo::Stream). */
  public static readonly KINESIS_VIDEO_STREAM = DataResourceType.catalogue('AWS::KinesisVideo::Stream', ['arn:<partition>:kinesisvideo:<region>:<account_ID>:stream/<stream_name>/<creation_time>']);

  /** Machine Learning MlModel (AWS::MachineLearning::MlModel). */
  public static readonly MACHINE_LEARNING_ML_MODEL = DataResourceType.catalogue('AWS::MachineLearning::MlModel', ['arn:<partition>:machinelearning:<region>:<account_ID>:mlmodel/<model_ID>']);

  /** Managed Blockchain network (AWS::ManagedBlockchain::Network). */
  public static readonly MANAGED_BLOCKCHAIN_NETWORK = DataResourceType.catalogue('AWS::ManagedBlockchain::Network', ['arn:<partition>:managedblockchain:::networks/<network_name>',
    // the Service Authorization Reference's format too: the ARN the resource really has
    'arn:<partition>:managedblockchain:<region>::networks/<network_ID>']);

  /** MedicalImaging data store (AWS::MedicalImaging::Datastore). */
  public static readonly MEDICAL_IMAGING_DATASTORE = DataResourceType.catalogue('AWS::MedicalImaging::Datastore', ['arn:<partition>:medical-imaging:<region>:<account_ID>:datastore/<data_store_ID>']);

  /** Neptune Graph (AWS::NeptuneGraph::Graph). */
  public static readonly NEPTUNE_GRAPH_GRAPH = DataResourceType.catalogue('AWS::NeptuneGraph::Graph', ['arn:<partition>:neptune-graph:<region>:<account_ID>:graph/<graph_ID>']);

  /** Private CA Connector for Active Directory (AWS::PCAConnectorAD::Connector). */
  public static readonly PCA_CONNECTOR_AD_CONNECTOR = DataResourceType.catalogue('AWS::PCAConnectorAD::Connector', ['arn:<partition>:pca-connector-ad:<region>:<account_ID>:connector/<connector_ID>']);

  /** Private CA Connector for SCEP (AWS::PCAConnectorSCEP::Connector). */
  public static readonly PCA_CONNECTOR_SCEP_CONNECTOR = DataResourceType.catalogue('AWS::PCAConnectorSCEP::Connector', ['arn:<partition>:pca-connector-scep:<region>:<account_ID>:connector/<connector_ID>']);

  /** Amazon Q Apps (AWS::QApps::QApp). */
  public static readonly QAPPS_QAPP = DataResourceType.catalogue('AWS::QApps::QApp', ['arn:<partition>:qapps:<region>:<account_ID>:application/<application_UUID>/qapp/<qapp_UUID>']);

  /** Amazon Q Business application (AWS::QBusiness::Application). */
  public static readonly QBUSINESS_APPLICATION = DataResourceType.catalogue('AWS::QBusiness::Application', ['arn:<partition>:qbusiness:<region>:<account_ID>:application/<application_ID>']);

  /** Amazon Q Business data source (AWS::QBusiness::DataSource). */
  public static readonly QBUSINESS_DATA_SOURCE = DataResourceType.catalogue('AWS::QBusiness::DataSource', ['arn:<partition>:qbusiness:<region>:<account_ID>:application/<application_ID>/index/<index_ID>/data-source/<datasource_ID>']);

  /** Amazon Q Business index (AWS::QBusiness::Index). */
  public static readonly QBUSINESS_INDEX = DataResourceType.catalogue('AWS::QBusiness::Index', ['arn:<partition>:qbusiness:<region>:<account_ID>:application/<application_ID>/index/<index_ID>']);

  /** Amazon Q Business web experience (AWS::QBusiness::WebExperience). */
  public static readonly QBUSINESS_WEB_EXPERIENCE = DataResourceType.catalogue('AWS::QBusiness::WebExperience', ['arn:<partition>:qbusiness:<region>:<account_ID>:application/<application_ID>/web-experience/<web_experience_ID>']);

  /** RDS Data API - DB Cluster (AWS::RDS::DBCluster). */
  public static readonly RDS_DBCLUSTER = DataResourceType.catalogue('AWS::RDS::DBCluster', ['arn:<partition>:rds:<region>:<account_ID>:cluster/<cluster_name>',
    // the Service Authorization Reference's format too: the ARN the resource really has
    'arn:<partition>:rds:<region>:<account_ID>:cluster:<cluster_name>']);

  /** SageMaker endpoint (AWS::SageMaker::Endpoint). */
  public static readonly SAGEMAKER_ENDPOINT = DataResourceType.catalogue('AWS::SageMaker::Endpoint', ['arn:<partition>:sagemaker:<region>:<account_ID>:endpoint/<endpoint_name>']);

  /** Amazon Connect Decisions (concepts page: Supply Chain) (AWS::SCN::Instance). */
  public static readonly SCN_INSTANCE = DataResourceType.catalogue('AWS::SCN::Instance', ['arn:<partition>:scn:<region>:<account_ID>:instance/<instance_ID>']);

  /** AWS Cloud Map namespace (AWS::ServiceDiscovery::Namespace). */
  public static readonly SERVICE_DISCOVERY_NAMESPACE = DataResourceType.catalogue('AWS::ServiceDiscovery::Namespace', ['arn:<partition>:servicediscovery:<region>:<account_ID>:namespace/<namespace_ID>']);

  /** AWS Cloud Map service (AWS::ServiceDiscovery::Service). */
  public static readonly SERVICE_DISCOVERY_SERVICE = DataResourceType.catalogue('AWS::ServiceDiscovery::Service', ['arn:<partition>:servicediscovery:<region>:<account_ID>:service/<service_ID>']);

  /** SNS platform endpoint (AWS::SNS::PlatformEndpoint). */
  public static readonly SNS_PLATFORM_ENDPOINT = DataResourceType.catalogue('AWS::SNS::PlatformEndpoint', ['arn:<partition>:sns:<region>:<account_ID>:endpoint/<endpoint_type>/<endpoint_name>/<endpoint_ID>']);

  /** SNS topic (AWS::SNS::Topic). */
  public static readonly SNS_TOPIC = DataResourceType.catalogue('AWS::SNS::Topic', ['arn:<partition>:sns:<region>:<account_ID>:<topic_name>']);

  /** SQS (AWS::SQS::Queue). */
  public static readonly SQS_QUEUE = DataResourceType.catalogue('AWS::SQS::Queue', ['arn:<partition>:sqs:<region>:<account_ID>:<queue_name>']);

  /** Systems Manager managed node (AWS::SSM::ManagedNode). */
  public static readonly SSM_MANAGED_NODE = DataResourceType.catalogue('AWS::SSM::ManagedNode', ['arn:<partition>:ssm:<region>:<account_ID>:managed-instance/<instance_ID>', 'arn:<partition>:ec2:<region>:<account_ID>:instance/<instance_ID>']);

  /** Systems Manager (AWS::SSMMessages::ControlChannel). */
  public static readonly SSM_MESSAGES_CONTROL_CHANNEL = DataResourceType.catalogue('AWS::SSMMessages::ControlChannel', ['arn:<partition>:ssmmessages:<region>:<account_ID>:control-channel/<channel_ID>']);

  /** Step Functions state machine (AWS::StepFunctions::StateMachine). */
  public static readonly STEP_FUNCTIONS_STATE_MACHINE = DataResourceType.catalogue('AWS::StepFunctions::StateMachine', ['arn:<partition>:states:<region>:<account_ID>:stateMachine:<stateMachine_name>', 'arn:<partition>:states:<region>:<account_ID>:stateMachine:<stateMachine_name>/<label_name>']);

  /** SWF domain (AWS::SWF::Domain). */
  public static readonly SWF_DOMAIN = DataResourceType.catalogue('AWS::SWF::Domain', ['arn:<partition>:swf:<region>:<account_ID>:domain/<domain_name>',
    // the Service Authorization Reference's format too: the ARN the resource really has
    'arn:<partition>:swf::<account_ID>:/domain/<domain_name>']);

  /** Thin Client Device (AWS::ThinClient::Device). */
  public static readonly THIN_CLIENT_DEVICE = DataResourceType.catalogue('AWS::ThinClient::Device', ['arn:<partition>:thinclient:<region>:<account_ID>:device/<device_ID>']);

  /** Thin Client Environment (AWS::ThinClient::Environment). */
  public static readonly THIN_CLIENT_ENVIRONMENT = DataResourceType.catalogue('AWS::ThinClient::Environment', ['arn:<partition>:thinclient:<region>:<account_ID>:environment/<environment_ID>']);

  /** Timestream database (AWS::Timestream::Database). */
  public static readonly TIMESTREAM_DATABASE = DataResourceType.catalogue('AWS::Timestream::Database', ['arn:<partition>:timestream:<region>:<account_ID>:database/<database_name>']);

  /** Timestream table (AWS::Timestream::Table). */
  public static readonly TIMESTREAM_TABLE = DataResourceType.catalogue('AWS::Timestream::Table', ['arn:<partition>:timestream:<region>:<account_ID>:database/<database_name>/table/<table_name>']);

  /** Amazon Verified Permissions (AWS::VerifiedPermissions::PolicyStore). */
  public static readonly VERIFIED_PERMISSIONS_POLICY_STORE = DataResourceType.catalogue('AWS::VerifiedPermissions::PolicyStore', [
    'arn:<partition>:verifiedpermissions:<region>:<account_ID>:policy-store/<policy_store_UUID>',
    // the Service Authorization Reference's format too: the ARN the resource really has
    'arn:<partition>:verifiedpermissions::<account_ID>:policy-store/<policy_store_ID>',
  ]);

  /**
   * The type for a CloudFormation-style resource type name. Returns the catalogued type when this
   * library knows it; otherwise a type whose ARNs are not checked (a synth warning says so), for
   * resource types CloudTrail added after this release.
   *
   * @param cloudFormationType the `resources.type` value, e.g. `AWS::S3::Object`
   */
  public static of(cloudFormationType: string): DataResourceType {
    const known = CATALOGUE.get(cloudFormationType);
    if (known) {
      return known;
    }
    return LISTED_RESOURCE_TYPES.includes(cloudFormationType)
      ? DataResourceType.catalogue(cloudFormationType, [])
      : new DataResourceType(cloudFormationType, [], false);
  }

  /**
   * Every resource type this library knows: the constants, then the types the CloudTrail User Guide
   * lists without a documented ARN format.
   */
  public static all(): DataResourceType[] {
    LISTED_RESOURCE_TYPES.forEach(value => DataResourceType.of(value));
    return [...CATALOGUE.values()];
  }

  private static catalogue(value: string, arnFormats: string[]): DataResourceType {
    const type = new DataResourceType(value, arnFormats, true);
    CATALOGUE.set(value, type);
    return type;
  }

  /** The `resources.type` value, e.g. `AWS::S3::Object`. */
  public readonly value: string;

  /**
   * The documented formats of this type's ARNs, used to check `resources.ARN` with Equals and
   * NotEquals; empty when no format is documented or the type is not catalogued.
   */
  public readonly arnFormats: string[];

  /**
   * Whether this library knows this type. Its ARNs are checked when `arnFormats` is not empty.
   */
  public readonly isCatalogued: boolean;

  private constructor(value: string, arnFormats: string[], isCatalogued: boolean) {
    this.value = value;
    this.arnFormats = arnFormats;
    this.isCatalogued = isCatalogued;
  }

  /**
   * The resource type as the `resources.type` field of a selector takes it, e.g. `AWS::S3::Object`.
   */
  public toString(): string {
    return this.value;
  }
}
