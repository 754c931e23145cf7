import { fillTemplate, templateVariables, unknownVariables } from './mail-template';

describe('mail templates', () => {
  it('finds placeholders, spaces inside the braces allowed', () => {
    expect(templateVariables('{{name}} 様 {{ eventTitle }} {{name}}')).toEqual(['name', 'eventTitle']);
  });

  it('names unknown, malformed and stray placeholders', () => {
    const allowed = ['name', 'eventTitle'];
    expect(unknownVariables('{{ name }} {{ eventTitle }}', allowed)).toEqual([]);
    expect(unknownVariables('{{ nmae }}', allowed)).toEqual(['nmae']);
    expect(unknownVariables('{{#each x}}', allowed)).toEqual(['#each x']);
    expect(unknownVariables('{{{name}}}', allowed)).toEqual(['{']);
    expect(unknownVariables('Hello {{ name', allowed)).toEqual(['{']);
  });

  it('fills values as they are (escaping is the layout’s job), missing ones empty', () => {
    expect(fillTemplate('{{ name }}: <b>{{ eventTitle }}</b> {{ x }}', { name: 'A & B', eventTitle: '<i>' })).toBe(
      'A & B: <b><i></b> ',
    );
  });
});
