import { describe, expect, it } from "vitest";
import { encodeCommand, RespError, RespParser } from "@/lib/jobs/resp-client";

describe("RESP2 encoding and parsing", () => {
  it("encodes a command as an array of bulk strings, counting bytes not characters", () => {
    expect(encodeCommand(["SET", "k", "é", 12]).toString("utf8")).toBe("*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n$2\r\n12\r\n");
  });

  it("parses every reply kind, nested arrays and nulls, whatever way the bytes are split", () => {
    const wire = Buffer.from("+OK\r\n-ERR wrong type\r\n:42\r\n$5\r\na\r\nbc\r\n$-1\r\n*2\r\n$1\r\nx\r\n*2\r\n:1\r\n$0\r\n\r\n*-1\r\n*0\r\n", "utf8");
    for (const size of [1, 2, 3, 7, wire.length]) {
      const parser = new RespParser();
      const out: unknown[] = [];
      for (let i = 0; i < wire.length; i += size) out.push(...parser.push(wire.subarray(i, i + size)));
      expect(out.slice(0, 1)).toEqual(["OK"]);
      expect(out[1]).toBeInstanceOf(RespError);
      expect((out[1] as Error).message).toBe("ERR wrong type");
      expect(out.slice(2)).toEqual([42, "a\r\nbc", null, ["x", [1, ""]], null, []]);
    }
  });

  it("keeps a multi-byte character split across chunks intact", () => {
    const parser = new RespParser();
    const wire = Buffer.from("$2\r\né\r\n", "utf8");
    expect(parser.push(wire.subarray(0, 5))).toEqual([]);
    expect(parser.push(wire.subarray(5))).toEqual(["é"]);
  });

  it("refuses bytes that are not RESP", () => {
    expect(() => new RespParser().push(Buffer.from("?\r\n"))).toThrow(/Protocol error/);
  });
});
