// jsdom does not implement scrolling; the router's scrollBehavior calls it on every navigation.
// (Specs that run in the node environment have no window: nothing to patch there.)
if (typeof window !== 'undefined') {
  window.scrollTo = () => {};
  Element.prototype.scrollIntoView = () => {};
}
