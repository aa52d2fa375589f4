package io.widrow.system.internal;

import io.widrow.engine.tensor.Gemm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Starts the engine's GEMM threads on the startup thread. Linux threads inherit their creator's nice
 * value, so if a (niced) training thread were the first to multiply, the shared workers would be niced for
 * the request threads' predictions too; and the log says at once which kernels this node runs.
 */
@Component
class EngineStartup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(EngineStartup.class);

    @Override
    public void run(ApplicationArguments args) {
        log.info("Engine matrix kernels: {}", Gemm.implementation());
    }
}
