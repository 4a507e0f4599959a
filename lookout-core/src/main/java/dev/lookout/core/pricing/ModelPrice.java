package dev.lookout.core.pricing;

/** Price of one model. */
public record ModelPrice(String model) {}
