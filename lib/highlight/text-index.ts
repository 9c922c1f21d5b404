/**
 * The visible text under a root as one string, with the text node each stretch comes from, so
 * matches found in the string can be mapped back to the DOM (ranges.ts).
 *
 * - Inline elements join their text as rendered: "crimes against <em>humanity</em>" is one phrase.
 * - Block elements add BLOCK_BREAK, which no term contains, so neither words nor phrases run on
 *   from one paragraph, cell or list item into the next.
 * - Skipped: form fields, contenteditable, code, scripts, styles, SVG/MathML, hidden elements
 *   (one visibility check per element, and a hidden element's subtree is never entered), and the
 *   extension's own UI host.
 * - Entered: open shadow roots (through their slots, as rendered) and same-origin iframes; they
 *   are listed in `roots` so the observer can watch them too.
 */

/** U+FFFC is not a letter, space or dash: the matcher never joins words across it. */
export const BLOCK_BREAK = '\uFFFC';

/** The host element of the extension's UI (card, fallback painting). Never indexed. */
export const UI_HOST_TAG = 'R2P-LENS-UI';

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'DATALIST',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED',
  'HEAD', 'TITLE', 'META', 'LINK', UI_HOST_TAG,
]);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'HTML', 'IFRAME', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BUTTON', 'IMG',
]);

export interface TextIndex {
  text: string;
  /** Text nodes in reading order; `starts[i]` is where nodes[i]'s data begins in `text`. */
  nodes: Text[];
  starts: number[];
  /** Shadow roots and iframe documents met on the way (for the mutation observer). */
  roots: (ShadowRoot | Document)[];
}

/** Upper-case tag name whatever the namespace (SVG elements report lower case). */
const upperTags = new Map<string, string>();
/** Cached: asked three times per element on every pass, and a page uses few distinct tags. */
const tagOf = (el: Element) => {
  const name = el.localName;
  let tag = upperTags.get(name);
  if (tag === undefined) {
    tag = name.toUpperCase();
    if (upperTags.size < 500) upperTags.set(name, tag); // custom elements are unbounded
  }
  return tag;
};

export function isBlock(el: Element, tag = tagOf(el)): boolean {
  return BLOCK.has(tag) || !!el.shadowRoot;
}

/** Skipped by its kind alone (no style lookup): fields, code, scripts, editable areas, our UI. */
export function isSkippedElement(el: Element, tag = tagOf(el)): boolean {
  if (SKIP.has(tag)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

interface Visible {
  checkVisibility?: () => boolean;
}

/** No layout box (display: none here or above, closed <details>, hidden attribute). */
export function isHidden(el: Element): boolean {
  const v = el as Element & Visible;
  if (el.hasAttribute('hidden')) return true;
  if (typeof v.checkVisibility === 'function') {
    if (v.checkVisibility()) return false;
    // display: contents has no box of its own but shows its children.
    return el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'contents';
  }
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !!style && (style.display === 'none' || style.visibility === 'hidden');
}

/** True when `node` sits inside something the index skips (checked for incremental updates). */
export function isInsideSkipped(node: Node, stopAt?: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== stopAt; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/**
 * Reads the text under one or more roots in parts, for a first pass that yields to the page
 * between slices. A part ends only where a block ends (its text ends with BLOCK_BREAK, or is
 * empty), and no term runs across a block break: matching the parts one by one finds exactly
 * what matching their concatenation would.
 */
export interface TextWalker {
  /**
   * Reads on and returns the next part: up to the end, or to the first block boundary after
   * `stop(length)` says so (asked every few dozen nodes, with the length of the text read so
   * far). Null once everything has been read.
   */
  next(stop?: (length: number) => boolean): TextIndex | null;
  /** Nodes met but not entered yet: their subtrees will be read, as they are then. */
  pending(): Set<Node>;
  readonly done: boolean;
}

/** How many nodes are read between two questions to `stop()`. */
const CHECK_EVERY = 64;

export interface WalkOptions {
  /**
   * Blocks read already (the ones on screen, read first): passed over as the blocks they are,
   * so the text around them joins and breaks exactly as if they had been read here.
   */
  skip?: ReadonlySet<Node>;
}

export function walkText(input: Node | readonly Node[], { skip }: WalkOptions = {}): TextWalker {
  let parts: string[] = [];
  let nodes: Text[] = [];
  let starts: number[] = [];
  let roots: (ShadowRoot | Document)[] = [];
  let length = 0;
  let broken = true;

  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const blockBreak = () => {
    if (!broken) push(BLOCK_BREAK);
    broken = true;
  };

  // An explicit stack rather than recursion: a page nested 10,000 levels deep must not overflow
  // the call stack. `null` closes a block (its trailing break) once its contents are done.
  const stack: (Node | null)[] = [];
  const pushChildren = (parent: Node) => {
    for (let c = parent.lastChild; c; c = c.previousSibling) stack.push(c);
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data) return;
      nodes.push(node as Text);
      starts.push(length);
      push(data);
      broken = false;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skip?.has(el)) return blockBreak();
    const tag = tagOf(el);
    if (isSkippedElement(el, tag) || isHidden(el)) return;
    if (tag === 'BR') {
      push('\n');
      return;
    }
    if (isBlock(el, tag)) {
      blockBreak();
      stack.push(null);
    }
    if (tag === 'IFRAME') {
      let doc: Document | null = null;
      try {
        doc = (el as HTMLIFrameElement).contentDocument; // null (or a throw) when cross-origin
      } catch {
        doc = null;
      }
      if (doc?.body) {
        roots.push(doc);
        stack.push(doc.body);
      }
    } else if (el.shadowRoot) {
      roots.push(el.shadowRoot);
      pushChildren(el.shadowRoot);
    } else if (tag === 'SLOT') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
      if (assigned.length) for (let i = assigned.length - 1; i >= 0; i--) stack.push(assigned[i]!);
      else pushChildren(el);
    } else {
      pushChildren(el);
    }
  };

  // Each root ends with a block break (the `null` below it), last root deepest in the stack.
  const list = (Array.isArray(input) ? input : [input]) as Node[];
  for (let i = list.length - 1; i >= 0; i--) {
    const root = list[i]!;
    stack.push(null);
    if (root.nodeType === 9) {
      const body = (root as Document).body;
      if (body) stack.push(body);
    } else if (root.nodeType === 11) {
      pushChildren(root);
    } else {
      stack.push(root);
    }
  }
  let finished = false;

  return {
    get done() {
      return finished;
    },
    next(stop) {
      if (finished) return null;
      let countdown = CHECK_EVERY;
      while (stack.length) {
        // Cut only between blocks; inside one, read on to its end.
        if (stop && --countdown <= 0 && broken) {
          countdown = CHECK_EVERY;
          if (stop(length)) break;
        }
        const next = stack.pop()!;
        if (next === null) blockBreak();
        else visit(next);
      }
      if (!stack.length) finished = true;
      const part: TextIndex = { text: parts.join(''), nodes, starts, roots };
      parts = [];
      nodes = [];
      starts = [];
      roots = [];
      length = 0;
      return part;
    },
    pending() {
      const set = new Set<Node>();
      for (const n of stack) if (n) set.add(n);
      return set;
    },
  };
}

/** One string for one root, or for several (incremental updates): each root ends with a block break. */
export function indexText(input: Node | readonly Node[]): TextIndex {
  return walkText(input).next()!;
}
