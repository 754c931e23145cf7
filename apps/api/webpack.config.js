const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: join(__dirname, 'src/main.ts'),
      tsConfig: join(__dirname, 'tsconfig.app.json'),
      assets: [],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
      // the OpenAPI document from the code: DTO properties and validation rules, and each route's
      // summary from its doc comment
      transformers: [
        { name: '@nestjs/swagger/plugin', options: { introspectComments: true, classValidatorShim: true } },
      ],
    }),
  ],
};
