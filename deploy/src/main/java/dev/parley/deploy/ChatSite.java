package dev.parley.deploy;

import dev.parley.chat.adapter.in.lambda.PageSecurityPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersXSSProtection;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The web pages: a private bucket that only this CloudFront distribution may read (origin access control), served
 * over HTTPS, plus a {@value #CONFIG_FILE} written at deploy time that tells the pages where the APIs are.
 */
final class ChatSite extends Construct {

    static final String CONFIG_FILE = "config.json";

    /** CDK names its one bucket-deployment function per stack with this prefix (a singleton at the stack's root). */
    private static final String DEPLOYMENT_FUNCTION_ID_PREFIX = "Custom::CDKBucketDeployment";

    private final Bucket bucket;
    private final Distribution distribution;
    private Optional<PageSecurityPolicy> pagePolicy = Optional.empty();

    ChatSite(Construct scope, String id) {
        super(scope, id);
        this.bucket = Bucket.Builder.create(this, "Bucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // Only rebuilt copies of the repository's pages live here; the deployment empties it on delete.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.distribution = Distribution.Builder.create(this, "Distribution")
                .comment("Parley web pages")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(securityHeaders())
                        .build())
                .defaultRootObject(DeploySettings.INDEX_PAGE)
                // North America and Europe only: the cheapest class; elsewhere is served too, from farther away.
                .priceClass(PriceClass.PRICE_CLASS_100)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .build();
        String staticPages = "the site is a few static, public pages with no user data, and CloudFront makes no"
                + " security decision for it; every action happens at the APIs, whose stages log each request";
        Nag.suppress(bucket, "AwsSolutions-S1", staticPages);
        Nag.suppress(distribution, "AwsSolutions-CFR3", staticPages);
        Nag.suppress(distribution, "AwsSolutions-CFR4", "with CloudFront's default *.cloudfront.net certificate the"
                + " minimum TLS version cannot be raised; a custom domain with an ACM certificate can set TLSv1.2_2021");
        Nag.suppress(distribution, "AwsSolutions-CFR1", "a chat open to anyone, anywhere: no country is to be refused");
        Nag.suppress(distribution, "AwsSolutions-CFR2", "AWS WAF costs a fixed monthly fee per web ACL, more than idle"
                + " Parley itself, to guard static pages");
    }

    /**
     * The headers of CloudFront's managed SecurityHeadersPolicy (HSTS, nosniff, frame and referrer rules), plus the
     * pages' Content-Security-Policy naming the deployed APIs. The APIs' URLs are known only once {@link #publish}
     * gets them, after the distribution exists (the broadcast API's CORS names the site), so the policy is read lazily,
     * at synth.
     */
    private ResponseHeadersPolicy securityHeaders() {
        return ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("Parley pages: security headers and a Content-Security-Policy allowing only the two APIs")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(Lazy.string(() -> pagePolicy
                                        .orElseThrow(() -> new IllegalStateException("the site was never published"))
                                        .header()))
                                .override(true)
                                .build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(365)).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY)
                                .override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN).override(true).build())
                        .xssProtection(ResponseHeadersXSSProtection.builder().protection(true).modeBlock(true)
                                .override(true).build())
                        .build())
                .build();
    }

    /** {@code https://} and the distribution's domain: the site's URL and the broadcast API's only CORS origin. */
    String origin() {
        return "https://" + distribution.getDistributionDomainName();
    }

    /**
     * Uploads the pages in {@code webRoot} with {@value #CONFIG_FILE} naming {@code webSocketUrl} and
     * {@code broadcastUrl} (tokens are resolved at deploy time), lets the pages connect to those two alone, and
     * invalidates CloudFront's copies.
     */
    void publish(Path webRoot, String webSocketUrl, String broadcastUrl, RemovalPolicy logRemovalPolicy) {
        // The pages read config.json from the site itself: 'self', as the policy cannot name the distribution it is
        // part of. The site is static files served read-only, so nothing can be sent to it.
        this.pagePolicy = Optional.of(PageSecurityPolicy.forPages(PageSecurityPolicy.SELF, webSocketUrl, broadcastUrl));
        // Ordered, so config.json (and so its asset hash) is the same on every synth.
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("websocketUrl", webSocketUrl);
        config.put("broadcastUrl", broadcastUrl);
        BucketDeployment.Builder.create(this, "Pages")
                // A config.json in the web root (for local runs) is left out: the deployed one is made here.
                .sources(List.of(
                        Source.asset(webRoot.toString(), AssetOptions.builder().exclude(List.of(CONFIG_FILE)).build()),
                        Source.jsonData(CONFIG_FILE, config)))
                .destinationBucket(bucket)
                .prune(true)
                // Deleting the deployment deletes the files, so the bucket can go without an auto-delete function.
                .retainOnDelete(false)
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .logGroup(LogGroups.create(this, "PagesDeploymentLogs", logRemovalPolicy))
                .build();
        suppressDeploymentFunctionFindings();
    }

    /** CDK's own function that copies the pages: its runtime, managed policy and grants are CDK's choice, not ours. */
    private void suppressDeploymentFunctionFindings() {
        IConstruct function = Stack.of(this).getNode().getChildren().stream()
                .filter(child -> child.getNode().getId().startsWith(DEPLOYMENT_FUNCTION_ID_PREFIX))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("CDK's bucket deployment function is not in the stack"));
        Nag.suppress(function, "AwsSolutions-L1", "the Python runtime of CDK's bucket deployment function is pinned by"
                + " aws-cdk-lib and moves with it");
        Nag.suppress(function, "AwsSolutions-IAM4", "CDK's bucket deployment function writes its logs through the"
                + " AWSLambdaBasicExecutionRole policy, which grants log writes only",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        String copiesPages = "CDK's bucket deployment function reads the uploaded pages from the CDK assets bucket, replaces"
                + " the objects of this site bucket (names known only at deploy time) and invalidates the distribution,"
                + " for which CDK grants cloudfront:CreateInvalidation and GetInvalidation on '*'";
        String bucketLogicalId = (String) Stack.of(this).resolve(((CfnElement) bucket.getNode().getDefaultChild()).getLogicalId());
        Nag.suppress(function, "AwsSolutions-IAM5", copiesPages,
                "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:DeleteObject*",
                "Action::s3:Abort*", "Resource::*", "Resource::<" + bucketLogicalId + ".Arn>/*",
                // the assets bucket of `cdk bootstrap`, whatever its qualifier
                Nag.matching("^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-<AWS::Region>/\\*$"));
    }
}
