// The slice of cornerstone-core 2.6 the viewer uses (the package ships no types).
declare module "cornerstone-core" {
  export interface Point {
    x: number;
    y: number;
  }
  export interface Viewport {
    scale: number;
    translation: Point;
    voi: { windowWidth: number; windowCenter: number };
    invert: boolean;
    pixelReplication: boolean;
    rotation: number;
    hflip: boolean;
    vflip: boolean;
    voiLUT?: unknown;
  }
  export interface EnabledElement {
    element: HTMLElement;
    image?: { imageId: string };
    viewport?: Viewport;
    canvas?: HTMLCanvasElement;
  }
  export interface ImageLoadObject {
    promise: Promise<unknown>;
    cancelFn?: () => void;
  }
  export interface RenderedEventDetail {
    element: HTMLElement;
    viewport: Viewport;
    image: { imageId: string };
  }
  interface Cornerstone {
    enable(element: HTMLElement, options?: object): void;
    disable(element: HTMLElement): void;
    displayImage(element: HTMLElement, image: unknown, viewport?: Partial<Viewport>): void;
    loadImage(imageId: string): Promise<unknown>;
    registerImageLoader(scheme: string, loader: (imageId: string) => ImageLoadObject): void;
    getViewport(element: HTMLElement): Viewport | undefined;
    setViewport(element: HTMLElement, viewport: Partial<Viewport>): void;
    getEnabledElement(element: HTMLElement): EnabledElement;
    resize(element: HTMLElement, fitViewportToWindow?: boolean): void;
    pixelToCanvas(element: HTMLElement, pt: Point): Point;
    canvasToPixel(element: HTMLElement, pt: Point): Point;
    EVENTS: { IMAGE_RENDERED: string };
  }
  const cornerstone: Cornerstone;
  export default cornerstone;
}
