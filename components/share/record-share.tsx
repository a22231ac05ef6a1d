import { ShareBlock } from './share-block';
import { shareLine, type PosterData } from './poster-data';

/** 发给家人 for one record: the poster's own words make the message, and its poster is linked. */
export function RecordShare({ poster, path }: { poster: PosterData; path: string }) {
  return <ShareBlock title={poster.title} text={shareLine(poster)} url={poster.url} posterHref={`${path}/poster.png`} />;
}
