package dev.parley.chat.adapter.in.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    @Test
    void givenTheBroadcastPolicyAndTheSiteOrigin_preflightHeaders_allowPostWithJsonTheKeyATokenAndPreferFromThatOriginOnly() {
        assertThat(BroadcastRoute.CORS.preflightHeaders("https://d111.cloudfront.net")).isEqualTo(Map.of(
                "Access-Control-Allow-Origin", "https://d111.cloudfront.net",
                "Vary", "Origin",
                "Access-Control-Allow-Methods", "POST",
                "Access-Control-Allow-Headers", "Content-Type,X-Api-Key,Authorization,Prefer"));
    }

    @Test
    void givenAnyOrigin_responseHeaders_needNoVary() {
        assertThat(CorsPolicy.responseHeaders(CorsPolicy.ANY_ORIGIN)).isEqualTo(Map.of("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void givenNoMethod_policy_isRefused() {
        assertThatThrownBy(() -> new CorsPolicy(List.of(), List.of("Content-Type")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one method");
    }
}
