// Downloads of every chart, map and table (the modules are in download/): this file is their public face.
export type { About } from './download/about.js';
export { captionLines, dataDate } from './download/about.js';
export { downloadButtons, type DownloadOptions } from './download/buttons.js';
export { framedSvg } from './download/frame.js';
export { wrapText } from './charts/text.js';
export { pngBlob, svgMarkup } from './download/image.js';
export { fileSlug, saveBlob } from './download/save.js';
