// xhr2: a maintained XMLHttpRequest for Node (used by dicomweb-client server-side); it ships no types.
declare module "xhr2" {
  const XMLHttpRequestForNode: { new (): XMLHttpRequest };
  export default XMLHttpRequestForNode;
}
