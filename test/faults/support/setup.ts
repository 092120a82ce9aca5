// No keep-alive in the fault suite: the server is killed and restarted under the tests, and a pooled socket the
// server already closed (or one idle across a blocking child process) would fail the next request with "other side closed".
import { Agent, setGlobalDispatcher } from "undici";

setGlobalDispatcher(new Agent({ pipelining: 0 }));
