// The code that embeds a view in another site, for the Share control and oEmbed alike: an <iframe> as wide as
// its column, and (as Datawrapper's responsive embed does) a small script that sets its height to what the embedded
// page says it needs, so the frame's height follows its width. Without the script the frame keeps 450 px.

/** The message an embedded page sends its parent: { type: EMBED_HEIGHT_MESSAGE, height } in CSS px. */
export const EMBED_HEIGHT_MESSAGE = 'teaching-school-networks:height';

export const EMBED_SIZE = { width: 600, height: 450 };

const attribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sizes every embed of ours on the host page from its messages (once per page, however many embeds). */
const RESIZER =
  '<script>(function(){if(window.tsnEmbedResizer)return;window.tsnEmbedResizer=1;' +
  'window.addEventListener("message",function(e){var d=e.data;' +
  `if(!d||d.type!=="${EMBED_HEIGHT_MESSAGE}"||!(d.height>0))return;` +
  'var f=document.querySelectorAll("iframe[data-tsn-embed]");' +
  'for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(d.height)+"px";' +
  '});})();</script>';

/** The iframe of an embed address, as wide as its column (the width a fallback), and the script that sizes it. */
export function embedSnippet(
  src: string,
  title: string,
  width = EMBED_SIZE.width,
  height = EMBED_SIZE.height,
): string {
  return (
    `<iframe src="${attribute(src)}" width="${width}" height="${height}" title="${attribute(title)}" ` +
    `loading="lazy" data-tsn-embed style="border:0;width:100%;max-width:100%"></iframe>${RESIZER}`
  );
}
