package dev.parley.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.parley.chat.server.violation.UsesDynamoDbOutsideItsPackage;
import org.junit.jupiter.api.Test;

/** The AWS rule can fail: a chat-server class outside the DynamoDB package that uses the SDK breaks it. */
class ServerDependencyRuleFiresTest {

    @Test
    void anSdkClientOutsideTheDynamoDbPackage_breaksTheRule() {
        var classes = new ClassFileImporter().importClasses(UsesDynamoDbOutsideItsPackage.class);

        var result = ServerDependencyRulesTest.aws_only_in_the_dynamodb_option.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("software.amazon.awssdk.services.dynamodb.DynamoDbClient"));
    }
}
