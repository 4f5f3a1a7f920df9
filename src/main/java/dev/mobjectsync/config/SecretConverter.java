package dev.mobjectsync.config;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@link Secret} values from configuration; registered in META-INF/services. */
public class SecretConverter implements Converter<Secret> {

    @Override
    public Secret convert(String value) {
        return value == null || value.isEmpty() ? null : Secret.of(value);
    }
}
