package dev.opensessions.sidebar.model;

/**
 * An overlay that takes every key while open: theme picker, width slider, kill confirm, project
 * picker, all in {@code model.modal}. Left open rather than sealed: without a named module Java seals only
 * within one package, and the modals live in their own.
 */
public interface Modal {
}
