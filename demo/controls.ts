// The controls that more than one demo page shows, made here once: the phase filter's choices
// (core and elements pages, whose HTML has an empty <select id="phase">) and the theme switch
// (elements and validator pages, added to the header's controls).

/** The phase filter's choices: "launched" first, as it is the default, then "all", then the other phases. */
const PHASE_CHOICES = ['launched', 'all', 'registered', 'initialized', 'stopped', 'deleted'];

/** Fills the page's `<select id="phase">` with the phases and returns it. */
export function phaseSelect(): HTMLSelectElement {
  const select = document.querySelector<HTMLSelectElement>('#phase')!;
  select.replaceChildren(...PHASE_CHOICES.map((phase) => new Option(phase, phase)));
  return select;
}

/**
 * Adds the theme switch (`<label>Theme <select id="theme">`: system, light, dark) at the end of
 * the header's controls and returns `setTheme`, which gives the theme to the page and to the
 * elements `elements` (a CSS selector) finds at that moment. Choosing in the select calls it too.
 */
export function themeSwitch(elements: string): (theme: string) => void {
  const select = document.createElement('select');
  select.id = 'theme';
  select.append(new Option('system', ''), new Option('light', 'light'), new Option('dark', 'dark'));
  const label = document.createElement('label');
  label.append('Theme ', select);
  document.querySelector('header .controls')!.append(label);
  function setTheme(theme: string): void {
    for (const el of document.querySelectorAll(elements)) {
      if (theme === 'light' || theme === 'dark') el.setAttribute('theme', theme);
      else el.removeAttribute('theme');
    }
    if (theme) document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
    select.value = theme;
  }
  select.addEventListener('change', () => setTheme(select.value));
  return setTheme;
}
