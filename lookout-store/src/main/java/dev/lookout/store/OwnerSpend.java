package dev.lookout.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Cost of the calls of one Lookout key and user on one UTC day, used to rebuild budget spend when
 * the gateway starts.
 *
 * @param apiKeyId the calls' {@code api_key_id}, or null
 * @param userId the calls' {@code user_id}, or null
 */
public record OwnerSpend(String apiKeyId, String userId, LocalDate day, BigDecimal costUsd) {}
