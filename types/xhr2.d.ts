// xhr2 (XMLHttpRequest for Node, used to give dicomweb-client a transport on the server) ships no types.
declare module "xhr2" {
  class XMLHttpRequest {
    timeout: number;
    readonly status: number;
  }
  export default XMLHttpRequest;
}
