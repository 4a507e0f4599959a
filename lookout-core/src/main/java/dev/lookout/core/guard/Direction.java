package dev.lookout.core.guard;

/** Whether a guard checks what goes to the provider or what comes back. */
public enum Direction {
  INPUT,
  OUTPUT
}
