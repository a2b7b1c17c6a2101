// @ts-check
// Draws a report document (src/core/summary/reportDocument.ts) embedded by
// src/features/workspace/reportWebview.ts as JSON. Text goes in through textContent only;
// buttons ask the extension, which saves through a dialog.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const BAR_WIDTH = 400;
  const BAR_HEIGHT = 18;

  // @ts-expect-error: provided by the webview host.
  const vscode = acquireVsCodeApi();
  const dataElement = document.getElementById('report-data');
  const payload = JSON.parse(dataElement ? dataElement.textContent || '{}' : '{}');
  const main = document.getElementById('report');
  if (main) draw(main, payload.document, payload.labels);

  function draw(root, report, labels) {
    root.append(element('h1', report.title), toolbar(labels));
    for (const section of report.sections) {
      const part = element('section');
      part.append(element('h2', section.heading), ...section.blocks.map((block) => drawBlock(block, labels)));
      root.append(part);
    }
  }

  function toolbar(labels) {
    const bar = element('div');
    bar.className = 'toolbar';
    bar.append(
      button(labels.saveMarkdown, { command: 'save', format: 'markdown' }),
      button(labels.saveJson, { command: 'save', format: 'json' }),
      button(labels.preview, { command: 'preview' }),
    );
    return bar;
  }

  function button(label, message) {
    const control = element('button', label);
    control.type = 'button';
    control.addEventListener('click', () => vscode.postMessage(message));
    return control;
  }

  function drawBlock(block, labels) {
    switch (block.kind) {
      case 'facts':
        return facts(block.rows);
      case 'table':
        return table(block.columns, block.rows);
      case 'bars':
        return bars(block, labels);
      default:
        return text(block.text);
    }
  }

  function facts(rows) {
    const list = element('dl');
    list.className = 'facts';
    for (const [label, value] of rows) {
      list.append(textElement('dt', label), valueElement('dd', value));
    }
    return list;
  }

  function table(columns, rows) {
    const grid = element('table');
    const head = element('tr');
    head.append(...columns.map((column) => textElement('th', column)));
    const body = element('tbody');
    for (const row of rows) {
      const line = element('tr');
      line.append(...row.map((cell) => valueElement('td', cell)));
      body.append(line);
    }
    const thead = element('thead');
    thead.append(head);
    grid.append(thead, body);
    return grid;
  }

  // One row per label: the label, a bar of the categories' counts scaled to the longest
  // bar, and the total. Each segment says its category and count on hover.
  function bars(block, labels) {
    const figure = element('figure');
    figure.className = 'bars';
    figure.append(legend(block.categories));
    const longest = Math.max(1, ...block.rows.map((row) => sum(row.counts)));
    const grid = element('div');
    grid.className = 'bar-grid';
    grid.setAttribute('role', 'table');
    for (const row of block.rows) {
      const total = sum(row.counts);
      const label = textElement('div', row.label);
      label.setAttribute('role', 'rowheader');
      const count = valueElement('div', total);
      count.title = labels.total;
      grid.append(label, barSvg(block.categories, row, longest), count);
    }
    figure.append(grid);
    return figure;
  }

  function barSvg(categories, row, longest) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'bar');
    svg.setAttribute('viewBox', `0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('role', 'img');
    const described = categories.map((category, index) => `${category.label}: ${row.counts[index]}`).join(', ');
    svg.setAttribute('aria-label', `${row.label}: ${described}`);
    let x = 0;
    categories.forEach((category, index) => {
      const count = row.counts[index];
      if (count === 0) return;
      const width = (count / longest) * BAR_WIDTH;
      const segment = document.createElementNS(SVG, 'rect');
      segment.setAttribute('class', `segment ${category.key}`);
      segment.setAttribute('x', String(x));
      segment.setAttribute('width', String(width));
      segment.setAttribute('height', String(BAR_HEIGHT));
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = `${category.label}: ${count}`;
      segment.append(tip);
      svg.append(segment);
      x += width;
    });
    return svg;
  }

  function legend(categories) {
    const list = element('ul');
    list.className = 'legend';
    for (const category of categories) {
      const item = element('li');
      const swatch = document.createElementNS(SVG, 'svg');
      swatch.setAttribute('class', 'swatch');
      swatch.setAttribute('viewBox', '0 0 10 10');
      swatch.setAttribute('aria-hidden', 'true');
      const square = document.createElementNS(SVG, 'rect');
      square.setAttribute('class', `segment ${category.key}`);
      square.setAttribute('width', '10');
      square.setAttribute('height', '10');
      swatch.append(square);
      item.append(swatch, textElement('span', category.label));
      list.append(item);
    }
    return list;
  }

  function text(content) {
    return textElement('p', content);
  }

  /** Text whose direction follows its first strong letter: Arabic right to left. */
  function textElement(tag, content) {
    const node = element(tag, content);
    node.dir = 'auto';
    return node;
  }

  function valueElement(tag, value) {
    if (typeof value !== 'number') return textElement(tag, value);
    const node = element(tag, String(value));
    node.className = 'number';
    return node;
  }

  function element(tag, content) {
    const node = document.createElement(tag);
    if (content !== undefined) node.textContent = String(content);
    return node;
  }

  function sum(numbers) {
    return numbers.reduce((total, value) => total + value, 0);
  }
})();
