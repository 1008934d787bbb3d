// Bandwidth phone numbers: order, configure, move and release them declaratively.
package bandwidth
