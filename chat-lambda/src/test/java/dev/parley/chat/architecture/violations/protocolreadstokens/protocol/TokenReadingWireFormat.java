package dev.parley.chat.architecture.violations.protocolreadstokens.protocol;

import dev.parley.chat.architecture.violations.protocolreadstokens.auth.Principal;

/** Breaks "the protocol depends only on the domain": frames that carry the token's user. */
public final class TokenReadingWireFormat {

    public String sender(Principal principal) {
        return "{\"from\":\"" + principal.userId() + "\"}";
    }
}
