import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { expect, test } from "@playwright/test";
import { ModelsPage } from "./pages/models-page";
import { SignInPage } from "./pages/sign-in-page";
import { E2E_ADMIN } from "./support/accounts";
import { signedInContext } from "./support/api-session";

// An admin takes the production model to a GPU Triton host from the models page: the zip holds the registry's exact
// ONNX and a config.pbtxt for the onnxruntime backend with GPU instances and TensorRT.
test("an admin downloads the production model as a Triton repository (GPU + TensorRT)", async ({ page, baseURL }) => {
  const api = await signedInContext(baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
  const { models } = (await (await api.get("/api/v1/models")).json()) as {
    models: { name: string; version: string; sha256: string; stage: string }[];
  };
  const demo = models.find((m) => m.name === "demo-nodule-mass")!;

  await new SignInPage(page).signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const modelsPage = new ModelsPage(page);
  await modelsPage.open();
  const { fileName, bytes } = await modelsPage.downloadTritonRepo(`${demo.name} ${demo.version}`, "gpu-trt");

  expect(fileName).toBe("triton-demo-nodule-mass.zip");
  const files = unzipSync(new Uint8Array(bytes));
  expect(Object.keys(files).sort()).toEqual(["demo-nodule-mass/1/model.onnx", "demo-nodule-mass/config.pbtxt"]);
  expect(createHash("sha256").update(files["demo-nodule-mass/1/model.onnx"]!).digest("hex")).toBe(demo.sha256);
  const config = new TextDecoder().decode(files["demo-nodule-mass/config.pbtxt"]);
  expect(config).toContain('backend: "onnxruntime"');
  // The demo model has a dynamic batch axis: Triton batches it (per-item dims, dynamic batching).
  expect(config).toMatch(/max_batch_size: [1-9]\d*/);
  expect(config).toMatch(/name: "images"\s+data_type: TYPE_FP32\s+dims: \[ 3, 512, 512 \]/);
  expect(config).toContain("dynamic_batching");
  expect(config).toContain("kind: KIND_GPU");
  expect(config).toMatch(/gpu_execution_accelerator: \[\s+\{\s+name: "tensorrt"/);
});
