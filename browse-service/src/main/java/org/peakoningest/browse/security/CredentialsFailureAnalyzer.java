package org.peakoningest.browse.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a credentials misconfiguration as one line instead of a stack trace (registered in spring.factories). */
class CredentialsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCredentialsConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCredentialsConfigException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set BROWSE_USERS (name:password pairs) and/or BROWSE_TOKEN, or BROWSE_GENERATE_TOKEN=true.", cause);
    }
}
