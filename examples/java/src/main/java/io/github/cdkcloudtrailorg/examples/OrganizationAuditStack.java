package io.github.cdkcloudtrailorg.examples;

import java.time.Instant;
import java.util.List;

import io.github.cdkcloudtrailorg.AggregationTemplate;
import io.github.cdkcloudtrailorg.CloudTrailTelemetryRule;
import io.github.cdkcloudtrailorg.DataEventOptions;
import io.github.cdkcloudtrailorg.DataEventSelectors;
import io.github.cdkcloudtrailorg.DataResourceType;
import io.github.cdkcloudtrailorg.DynamoDbTablesOptions;
import io.github.cdkcloudtrailorg.FieldConditions;
import io.github.cdkcloudtrailorg.InsightEventCategory;
import io.github.cdkcloudtrailorg.LakeEventDataStore;
import io.github.cdkcloudtrailorg.LakeImport;
import io.github.cdkcloudtrailorg.LakeQuery;
import io.github.cdkcloudtrailorg.LambdaFunctionsOptions;
import io.github.cdkcloudtrailorg.OrganizationTrail;
import io.github.cdkcloudtrailorg.S3ObjectsOptions;
import io.github.cdkcloudtrailorg.SecurityAlarmsOptions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudtrail.InsightType;
import software.amazon.awscdk.services.cloudtrail.ManagementEventSources;
import software.amazon.awscdk.services.cloudtrail.ReadWriteType;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.OnEventOptions;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The example organization audit stack (examples/organization-audit.ts) in Java: an organization trail with data
 * events and CIS security alarms, the same events in CloudWatch Logs through an organization telemetry rule, and an
 * organization event data store that the security tooling account may query, filled from the trail's logs. Same
 * construct ids and values as the TypeScript one.
 */
public class OrganizationAuditStack extends Stack {
    static final String EXAMPLE_ORG_ID = "o-a1b2c3d4e5";
    /** The member account the security team works from. */
    static final String SECURITY_TOOLING_ACCOUNT = "333333333333";
    /** A member account whose workload the security team audits closely. */
    static final String WORKLOAD_ACCOUNT = "222222222222";

    private final OrganizationTrail trail;
    private final LakeEventDataStore lake;

    public OrganizationAuditStack(final Construct scope, final String id, final StackProps props) {
        super(scope, id, props);

        // The workload lives in a member account; organization trails log it by ARN.
        IBucket payments = Bucket.fromBucketName(this, "PaymentsBucket", "payments-" + WORKLOAD_ACCOUNT);
        ITable ledger = Table.fromTableArn(this, "LedgerTable",
                "arn:aws:dynamodb:us-east-1:" + WORKLOAD_ACCOUNT + ":table/ledger");
        IFunction settle = Function.fromFunctionArn(this, "SettleFunction",
                "arn:aws:lambda:us-east-1:" + WORKLOAD_ACCOUNT + ":function:settle");

        DataEventSelectors dataEvents = new DataEventSelectors()
                .addS3Objects(S3ObjectsOptions.builder()
                        .name("Payment object writes")
                        .buckets(List.of(payments))
                        .readWriteType(ReadWriteType.WRITE_ONLY)
                        .build())
                .addDynamoDbTables(DynamoDbTablesOptions.builder()
                        .name("Ledger item access")
                        .tables(List.of(ledger))
                        .build())
                .addLambdaFunctions(LambdaFunctionsOptions.builder()
                        .name("Settlement invocations")
                        .functions(List.of(settle))
                        .build())
                .addDataEvents(DataResourceType.SNS_TOPIC, DataEventOptions.builder()
                        .name("SNS publishes")
                        .eventNames(FieldConditions.builder().equalTo(List.of("Publish", "PublishBatch")).build())
                        .build());

        this.trail = OrganizationTrail.Builder.create(this, "OrganizationTrail")
                .orgId(EXAMPLE_ORG_ID)
                .trailName("organization-audit")
                .excludeManagementEventSources(List.of(ManagementEventSources.KMS))
                .insightTypes(List.of(InsightType.API_CALL_RATE, InsightType.API_ERROR_RATE))
                .insightEventCategories(List.of(InsightEventCategory.MANAGEMENT, InsightEventCategory.DATA))
                .dataEvents(dataEvents)
                .dataEventAggregation(List.of(AggregationTemplate.API_ACTIVITY, AggregationTemplate.USER_ACTIONS))
                .build();
        Topic securityTopic = SecurityTopic.securityAlarmTopic(this);
        this.trail.addSecurityAlarms("SecurityAlarms", SecurityAlarmsOptions.builder().topic(securityTopic).build());
        // Calls that stop, delete or weaken the trail reach the security team in real time.
        this.trail.onTamper("TrailTampering", OnEventOptions.builder().target(new SnsTopic(securityTopic)).build());

        // The trail's S3 archive is the record; CloudWatch Logs is where the same events are searched, in every
        // account and Region of the organization.
        CloudTrailTelemetryRule.Builder.create(this, "CloudWatchSearch")
                .organizationEnabled(true)
                .excludeManagementEventSources(List.of(ManagementEventSources.KMS))
                .dataEvents(dataEvents)
                .build();

        // CloudTrail Lake: two years of the organization's write management events and the workload's data
        // events, queryable with SQL from the security tooling account.
        this.lake = LakeEventDataStore.Builder.create(this, "OrganizationLake")
                .eventDataStoreName("organization-audit-lake")
                .organizationEnabled(true)
                .retention(Duration.days(731))
                .managementEvents(ReadWriteType.WRITE_ONLY)
                .dataEvents(dataEvents)
                .build();
        this.lake.grantQuery(new AccountPrincipal(SECURITY_TOOLING_ACCOUNT));

        // Copy the trail's first half-year of logs into the lake, then count each account's write events at
        // deploy time, with the results next to the trail's logs. Times are java.time.Instant values.
        LakeImport history = LakeImport.Builder.create(this, "TrailHistoryImport")
                .eventDataStore(this.lake)
                .sourceBucket(this.trail.getBucket())
                .sourceKey(this.trail.getEncryptionKey())
                .startEventTime(Instant.parse("2026-01-01T00:00:00Z"))
                .endEventTime(Instant.parse("2026-07-01T00:00:00Z"))
                .build();
        LakeQuery writesByAccount = LakeQuery.Builder.create(this, "WritesByAccount")
                .eventDataStore(this.lake)
                .queryStatement("SELECT recipientAccountId, count(*) AS writes FROM " + this.lake.getEventDataStoreId() + " "
                        + "WHERE eventTime >= '2026-01-01 00:00:00' GROUP BY recipientAccountId ORDER BY writes DESC")
                .deliveryBucket(this.trail.getBucket())
                .deliveryPrefix("lake-query-results")
                .build();
        writesByAccount.getNode().addDependency(history);
    }

    public OrganizationTrail getTrail() {
        return trail;
    }

    public LakeEventDataStore getLake() {
        return lake;
    }
}
