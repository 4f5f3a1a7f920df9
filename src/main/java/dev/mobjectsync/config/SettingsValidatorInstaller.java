package dev.mobjectsync.config;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/** Makes {@link SettingsValidator} the configuration's validator. Registered in META-INF/services, from src/main/services-after-compile (see pom.xml). */
public class SettingsValidatorInstaller implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(new SettingsValidator());
    }
}
