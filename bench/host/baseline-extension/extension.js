// Activates and does nothing: the baseline of the activation benchmark.
/* global exports */
exports.activate = () => undefined;
