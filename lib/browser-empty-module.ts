// Stand-in for Node built-ins (fs) that the WASM codecs reference only on their Node code path; browser bundles get this.
const empty = {};
export default empty;
