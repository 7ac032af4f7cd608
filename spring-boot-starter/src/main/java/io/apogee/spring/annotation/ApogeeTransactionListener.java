package io.apogee.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean implementing {@link io.apogee.client.producer.TransactionListener} as the local
 * transaction of an {@link io.apogee.spring.core.ApogeeTemplate}: its
 * {@code sendMessageInTransaction} runs the bean's {@code executeLocalTransaction}, and the broker's
 * checks of undecided messages reach its {@code checkLocalTransaction}. One listener per template.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApogeeTransactionListener {
    /** The name of the template bean whose producer gets this listener. */
    String templateBeanName() default "apogeeTemplate";
}
