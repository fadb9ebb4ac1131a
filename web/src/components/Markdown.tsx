import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Each block and list item keeps the line it starts on: a stable React key. */
type Line = { line: number; text: string };
type Block =
  | ({ kind: 'heading'; level: number } & Line)
  | { kind: 'list'; line: number; ordered: boolean; items: Line[] }
  | ({ kind: 'paragraph' } & Line);

const headingLine = /^(#{1,4})\s+(.*)$/;
const listLine = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/;

function blocksOf(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Line | null = null;
  source.split(/\r?\n/).forEach((text, line) => {
    const heading = headingLine.exec(text);
    const item = listLine.exec(text);
    if (!heading && !item && text.trim() !== '') {
      if (paragraph) paragraph.text += `\n${text}`;
      else paragraph = { line, text };
      return;
    }
    if (paragraph) blocks.push({ kind: 'paragraph', ...paragraph });
    paragraph = null;
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, line, text: heading[2] ?? '' });
    } else if (item) {
      const ordered = item[1] !== undefined;
      const last = blocks.at(-1);
      const entry = { line, text: item[2] ?? '' };
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(entry);
      else blocks.push({ kind: 'list', line, ordered, items: [entry] });
    }
  });
  if (paragraph) blocks.push({ kind: 'paragraph', ...(paragraph as Line) });
  return blocks;
}

const emphasis = /\*\*([^*]+)\*\*|`([^`]+)`/g;

/** **bold** and `code` inside a line; everything else is text, never HTML. */
function inline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(emphasis)) {
    const at = match.index;
    if (at > from) nodes.push(text.slice(from, at));
    nodes.push(match[1] !== undefined ? <strong key={at}>{match[1]}</strong> : <code key={at}>{match[2]}</code>);
    from = at + match[0].length;
  }
  if (from < text.length) nodes.push(text.slice(from));
  return nodes;
}

/** The small part of Markdown that policy texts use: headings, lists, paragraphs, bold. */
export function Markdown({ source }: { source: string }) {
  return (
    <Typography>
      {blocksOf(source).map((block) => {
        if (block.kind === 'heading') {
          return (
            <Typography.Title key={block.line} level={Math.min(block.level + 2, 5) as 3 | 4 | 5}>
              {inline(block.text)}
            </Typography.Title>
          );
        }
        if (block.kind === 'list') {
          const items = block.items.map((item) => <li key={item.line}>{inline(item.text)}</li>);
          return block.ordered ? <ol key={block.line}>{items}</ol> : <ul key={block.line}>{items}</ul>;
        }
        return (
          <Typography.Paragraph key={block.line} style={{ whiteSpace: 'pre-wrap' }}>
            {inline(block.text)}
          </Typography.Paragraph>
        );
      })}
    </Typography>
  );
}
