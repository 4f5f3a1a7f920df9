package dev.mobjectsync.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * {@code mobject-sync.batch.size} fits the chosen gateway (SOAP 100, REST 300). Checked with the other
 * settings when the configuration is read, so a bad size is reported in the same short block, before
 * anything starts.
 */
@Documented
@Constraint(validatedBy = BatchSizeFitsGateway.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BatchSizeFitsGateway {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<BatchSizeFitsGateway, SyncConfig> {

        @Override
        public boolean isValid(SyncConfig config, ConstraintValidatorContext context) {
            Integer size = config.batch().size().orElse(null);
            if (size == null || !config.marketo().api().matches("soap|rest")) {
                return true;
            }
            MarketoApi api = MarketoApi.of(config.marketo().api());
            if (size < 1 || size > MarketoApi.REST.largestBatch() || size <= api.largestBatch()) {
                return true; // out of every gateway's range: the property's own constraints say so
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("is " + size + "; must be 1.." + api.largestBatch()
                    + " with marketo.api=" + config.marketo().api() + " (" + api.limitReason() + ")")
                    .addPropertyNode("batch.size").addConstraintViolation();
            return false;
        }
    }
}
