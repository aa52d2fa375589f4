/** Root of the Widrow service: the application class only; everything else lives in a feature package. */
package io.widrow;
