import { parseArguments } from './cli';

describe('parseArguments', () => {
  it.each([
    [['fleet.yaml'], { file: 'fleet.yaml', quiet: false }],
    [
      [
        'fleet.yaml',
        '--port',
        '8443',
        '--write-config',
        'c.yaml',
        '--ca-file',
        'ca.pem',
        '--quiet',
      ],
      {
        file: 'fleet.yaml',
        port: 8443,
        writeConfig: 'c.yaml',
        caFile: 'ca.pem',
        quiet: true,
      },
    ],
    [['--port', '0', 'f.yaml'], { file: 'f.yaml', port: 0, quiet: false }],
  ])('%j', (argv, expected) => {
    expect(parseArguments(argv)).toEqual(expected);
  });

  it.each([
    [[], /fleet file is required/],
    [['a.yaml', 'b.yaml'], /unexpected argument b.yaml/],
    [['a.yaml', '--port'], /--port needs a value/],
    [['a.yaml', '--port', '70000'], /--port must be/],
    [['a.yaml', '--verbose'], /unexpected argument --verbose/],
    [['a.yaml', '--ca-file', '--quiet'], /--ca-file needs a value/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(message);
  });
});
